"""pip's build hook: bundle the libleverage.so this package was built beside.

``python3 -m pip install --no-build-isolation bindings/python`` after README's build copies
``build/libleverage.so`` (the top-level CMake build directory; ``$LEVERAGE_LIBRARY`` at install time
names another) into the installed ``leverage/`` package, so the package finds its library with no
environment variable. Without a built library the package is installed alone and looks for the
library at run time (``$LEVERAGE_LIBRARY``, then ``ctypes.util.find_library``). Everything else is
in pyproject.toml.
"""
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


def built_library():
    """The shared library to bundle, or None."""
    env = os.environ.get("LEVERAGE_LIBRARY")
    if env:
        return env if os.path.isfile(env) else None
    built = os.path.join(HERE, "..", "..", "build", "libleverage.so")
    return os.path.realpath(built) if os.path.isfile(built) else None


class BuildPyWithLibrary(build_py):
    def run(self):
        super().run()
        lib = built_library()
        if lib is None:
            self.warn("no built libleverage.so found (build/libleverage.so, or $LEVERAGE_LIBRARY): "
                      "the package will look for the library at run time")
            return
        dest = os.path.join(self.build_lib, "leverage", "libleverage.so")
        self.announce(f"bundling {lib} as {dest}", level=2)
        shutil.copyfile(lib, dest)


setup(cmdclass={"build_py": BuildPyWithLibrary})
