"""Finding and checking the shared library; versions. Each load runs in a fresh interpreter."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import leverage
from leverage import _lib

PKG = Path(leverage.__file__).resolve().parent


def run(code: str, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if k not in ("LEVERAGE_LIBRARY", "PYTHONPATH")}
    e.update(env)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=e, cwd=str(cwd),
                          capture_output=True, text=True, timeout=60)


def test_versions() -> None:
    assert leverage.__version__ == "0.1.0"
    v = leverage.library_version()
    assert int(v.split(".")[0]) == _lib.ABI_MAJOR
    assert _lib.lib().lev_version() == sum(int(x) * m for x, m in zip(v.split("."), (10000, 100, 1)))
    assert os.path.exists(leverage.library_path()) or "leverage" in leverage.library_path()


def test_check_version() -> None:
    _lib._check_version("lib.so", _lib.ABI_MAJOR * 10000 + _lib.ABI_MINOR * 100 + 7)  # fine
    with pytest.raises(leverage.LibraryError, match=r"lib\.so is libleverage 1\.2\.3.*major version 0"):
        _lib._check_version("lib.so", 10203)
    if _lib.ABI_MINOR > 0:
        with pytest.warns(RuntimeWarning, match=r"old\.so is libleverage 0\.0\.9, older than"):
            _lib._check_version("old.so", (_lib.ABI_MINOR - 1) * 100 + 9)


def test_library_from_env(tmp_path: Path) -> None:
    path = leverage.library_path()
    r = run("import leverage; print(leverage.library_path())",
            {"LEVERAGE_LIBRARY": path, "PYTHONPATH": str(PKG.parent)}, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == path


def test_missing_env_library_is_an_error_naming_it(tmp_path: Path) -> None:
    bogus = tmp_path / "nope" / "libleverage.so"
    r = run("import leverage\ntry:\n    leverage.Network()\nexcept leverage.LibraryError as e:\n    print(e)",
            {"LEVERAGE_LIBRARY": str(bogus), "PYTHONPATH": str(PKG.parent)}, tmp_path)
    assert r.returncode == 0, r.stderr
    assert str(bogus) in r.stdout and "LEVERAGE_LIBRARY" in r.stdout


def test_library_next_to_the_package(tmp_path: Path) -> None:
    copy = tmp_path / "site" / "leverage"
    shutil.copytree(PKG, copy, ignore=shutil.ignore_patterns("__pycache__", "libleverage.so*"))
    shutil.copy(os.path.realpath(leverage.library_path()), copy / "libleverage.so")
    r = run("import leverage; print(leverage.library_path())\n"
            "print(leverage.Network.from_edges([('a', 'b')]))",
            {"PYTHONPATH": str(copy.parent)}, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [str(copy / "libleverage.so"), "<leverage.Network: 2 actors, 1 edges>"]


def test_other_major_is_refused(tmp_path: Path) -> None:
    cc = shutil.which("cc") or shutil.which("gcc")
    if not cc:
        pytest.skip("no C compiler to build a fake library")
    src = tmp_path / "fake.c"
    src.write_text("unsigned lev_version(void) { return 10203; }\n")
    lib = tmp_path / "libleverage.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(lib), str(src)], check=True)
    r = run("import leverage\ntry:\n    leverage.library_version()\nexcept leverage.LibraryError as e:\n"
            "    print(type(e).__name__, e)",
            {"LEVERAGE_LIBRARY": str(lib), "PYTHONPATH": str(PKG.parent)}, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"LibraryError {lib} is libleverage 1.2.3")


def test_import_does_not_load_the_library(tmp_path: Path) -> None:
    r = run("import leverage; from leverage import _lib; print(_lib._loaded is None)",
            {"LEVERAGE_LIBRARY": str(tmp_path / "none.so"), "PYTHONPATH": str(PKG.parent)}, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "True"


def test_a_half_built_library_loads_and_names_what_it_lacks(tmp_path: Path) -> None:
    """A library missing functions (older, or built while they are being written) still loads:
    the package imports and works up to the first call of a missing function, which raises
    LibraryError naming it."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if not cc:
        pytest.skip("no C compiler to build a fake library")
    src = tmp_path / "partial.c"
    src.write_text("unsigned lev_version(void) { return 100; }\n"
                   "const char *lev_version_string(void) { return \"0.1.0\"; }\n"
                   "const char *lev_status_name(int s) { (void)s; return \"LEV_UNKNOWN\"; }\n")
    lib = tmp_path / "libleverage.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(lib), str(src)], check=True)
    r = run("import leverage\nprint(leverage.library_version())\ntry:\n    leverage.gini([1.0, 2.0])\n"
            "except leverage.LibraryError as e:\n    print(e)",
            {"LEVERAGE_LIBRARY": str(lib), "PYTHONPATH": str(PKG.parent)}, tmp_path)
    assert r.returncode == 0, r.stderr
    version, message = r.stdout.splitlines()
    assert version == "0.1.0"
    assert message.startswith(f"{lib} has no lev_") and "unfinished" in message
