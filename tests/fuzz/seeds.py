#!/usr/bin/env python3
"""Write the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

    python3 tests/fuzz/seeds.py          # (re)writes the seed-*.csv / seed-*.bin files

Seeds are small valid and invalid examples, including the repository's data sets cut small.
Inputs that libFuzzer found interesting, and crash reproducers (crash-*), are added next to them
by hand (see tests/fuzz/README.md); this script never deletes a file.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cut(path, lines):
    with open(os.path.join(ROOT, path), 'rb') as f:
        return b''.join(f.read().splitlines(keepends=True)[:lines])


EDGES = {
    # valid
    'fixture-like': b'source,target,weight,channel\nA,B,2,money\nB,C,0.5,\nC,A,1e-3,kin\n',
    'no-channel': b'source,target,weight\nA,B,1\nB,D,3\n',
    'reordered-aliases': b'Weight,TO,from\n3,B,A\n1.5,E,F\n',
    'bom-crlf-quotes': b'\xef\xbb\xbfsource , target,strength,channel\r\n"Smith, J.","O""Brien",1.5,"a\nb"\r\n\r\n  Zo\xc3\xab  ,A,2e0,\r\n',
    'cr-only': b'source,target,weight\rA,B,1\rB,C,2\r',
    'self-loop-parallel': b'source,target,weight,channel\nA,A,1,x\nA,B,1,x\nA,B,1,y\nA,B,4,\n',
    'float-extremes': b'source,target,weight\nA,B,3.4028234663852886e38\nB,A,1.401298464324817e-45\nA,C,1e-38\n',
    'header-only': b'source,target,weight,channel\n',
    'blank-lines': b'source,target,weight\n\n   \nA,B,1\n\t\n',
    'new-channel-only-edge': b'source,target,weight,channel\nNew1,New2,1,fresh\n',
    'karate-cut': cut('tests/data/karate_weighted_edges.csv', 12),
    'lesmis-cut': cut('tests/data/lesmis_edges.csv', 12),
    'florentine-cut': cut('examples/data/florentine_edges.csv', 10),
    'dangling-cut': cut('tests/data/directed_dangling.csv', 6),
    'inexact-cut': cut('tests/data/directed_inexact.csv', 6),
    'kite-cut': cut('tests/data/kite_edges.csv', 8),
    # invalid
    'empty': b'',
    'bom-only': b'\xef\xbb\xbf',
    'missing-column': b'source,target\nA,B\n',
    'unknown-column': b'source,target,weight,colour\n',
    'duplicate-column': b'source,target,weight,from\n',
    'too-few-fields': b'source,target,weight\nN1,N2,1\nN2,N3\n',
    'too-many-fields': b'source,target,weight\nN1,N2,1,x\n',
    'nine-columns': b'a,b,c,d,e,f,g,h,i\n',
    'nan': b'source,target,weight\nN1,N2,nan\n',
    'inf': b'source,target,weight\nN1,N2,inf\n',
    'zero': b'source,target,weight\nN1,N2,0\n',
    'negative': b'source,target,weight\nN1,N2,-2\n',
    'overflow': b'source,target,weight\nN1,N2,1e999\n',
    'above-float': b'source,target,weight\nN1,N2,1e39\n',
    'below-float': b'source,target,weight\nN1,N2,1e-50\n',
    'hex': b'source,target,weight\nN1,N2,0x10\n',
    'empty-weight': b'source,target,weight\nN1,N2,\n',
    'empty-name': b'source,target,weight\nN1,,1\n',
    'bad-utf8': b'source,target,weight\nN1,\xff,1\n',
    'surrogate': b'source,target,weight\nN1,\xed\xa0\x80,1\n',
    'unclosed-quote': b'source,target,weight\nN1,"N2,1\n',
    'after-quote': b'source,target,weight\nN1,"N2"x,1\n',
    'quote-inside': b'source,target,weight\nN1,N"2,1\n',
    'channel-then-error': b'source,target,weight,channel\nN1,N2,1,chan\nN2,N3,-1,\n',
    'late-error': b'source,target,weight\nN1,N2,1\n"multi\nline",N3,-1\n',
    'bad-channel': b'source,target,weight,channel\nN1,N2,1,\xc3\n',
    'long-number': b'source,target,weight\nA,B,' + b'1' * 200 + b'\n',
}

ACTORS = {
    'valid': b'name,group\nA,red\nD,green\nE,\n',
    'alias': b'ACTOR,Group\nA,x\nNew,\n',
    'name-only': b'name\nX\nY\nZ\n',
    'regroup-existing': b'name,group\nA,newgroup\nB,red\nC,\n',
    'quoted': b'name,group\n"a,b","g""1"\n" padded ",\n',
    'florentine-cut': cut('examples/data/florentine_actors.csv', 8),
    'empty': b'',
    'group-only': b'group\nA\n',
    'listed-twice-new': b'name,group\nN1,g\nN1,h\n',
    'listed-twice-existing': b'name,group\nA,newgroup\nA,other\n',
    'empty-name': b'name\nN1\n""\n',
    'bad-group': b'name,group\nN1,\xe2\x82\n',
    'wrong-count': b'name,group\nN1\n',
    'unknown-column': b'name,colour\n',
}

RESOURCES = {
    'valid': b'actor,resource,holds,needs\nA,land,1,0\nB,votes,3.5,2\nZo\xc3\xab,land,0,1\n',
    'reordered-alias': b'needs,holds,resource,NAME\n1,2,gold,C\n',
    'last-row-wins': b'actor,resource,holds,needs\nA,gold,1,1\nA,gold,7,0\n',
    'zeros': b'actor,resource,holds,needs\nA,land,0,0\nB,fresh,0,0\n',
    'negative-zero': b'actor,resource,holds,needs\nA,land,-0,0\n',
    'unheld-resource': b'actor,resource,holds,needs\nB,unheld,4,4\n',
    'florentine-cut': cut('examples/data/florentine_resources.csv', 6),
    'unknown-actor': b'actor,resource,holds,needs\nA,land,1,0\nNobody,land,1,0\n',
    'negative': b'actor,resource,holds,needs\nA,gold,-1,0\n',
    'nan': b'actor,resource,holds,needs\nA,gold,1,NaN\n',
    'inf': b'actor,resource,holds,needs\nA,gold,inf,0\n',
    'huge': b'actor,resource,holds,needs\nA,gold,1e400,0\n',
    'empty-resource': b'actor,resource,holds,needs\nA,,1,1\n',
    'missing-column': b'actor,resource,holds\n',
    'new-resource-then-error': b'actor,resource,holds,needs\nA,brand-new,1,1\nB,brand-new,x,1\n',
    'empty-amount': b'actor,resource,holds,needs\nA,gold,,1\n',
}


def ix(name, lines=None):
    with open(os.path.join(ROOT, 'tests/data/interchange', name), 'rb') as f:
        data = f.read()
    return data if lines is None else b''.join(data.splitlines(keepends=True)[:lines])


GRAPHML = {
    'networkx-florentine': ix('florentine_networkx.graphml'),
    'igraph-florentine': ix('florentine_igraph.graphml'),
    'gzipped': ix('florentine_networkx.graphml.gz'),
    'fixture-names': b'<graphml><key id="g" for="node" attr.name="group"/><key id="w" for="edge" attr.name="weight">'
                     b'<default>2</default></key><key id="c" for="edge" attr.name="channel"/>'
                     b'<key id="h" for="node" attr.name="holds:land"/><key id="n" for="node" attr.name="needs:gold"/>'
                     b'<graph edgedefault="directed"><node id="A"><data key="g">blue</data><data key="h">3</data></node>'
                     b'<node id="New"><data key="n">1.5</data></node><edge source="A" target="New"><data key="c">kin</data></edge>'
                     b'<edge source="New" target="New"><data key="w">0.25</data></edge></graph></graphml>',
    'names-key': b'<graphml><key id="v" for="node" attr.name="name"/><graph><node id="n0"><data key="v">Zo\xc3\xab</data>'
                 b'</node><node id="n1"><data key="v">B</data></node><edge source="n0" target="n1"/></graph></graphml>',
    'namespaced': b'<?xml version="1.0"?><g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns"><g:graph>'
                  b'<g:node id="x"/><g:edge source="x" target="x"/></g:graph></g:graphml>',
    'entities': b'<graphml><graph><node id="a&amp;b &#233;"/><node id="&#10;t"/></graph></graphml>',
    'not-xml': b'<graphml><graph></graphml>',
    'undeclared': b'<graphml><graph><edge source="p" target="q"/></graph></graphml>',
    'bad-weight': b'<graphml><key id="w" for="edge" attr.name="weight"/><graph><node id="a"/>'
                  b'<edge source="a" target="a"><data key="w">-1</data></edge></graph></graphml>',
    'nested': b'<graphml><graph><node id="a"><graph/></node></graph></graphml>',
    'duplicate': b'<graphml><graph><node id="A"/><node id="A"/></graph></graphml>',
    'empty': b'',
}

PAJEK = {
    'networkx-karate': ix('karate_networkx.net', 40),
    'igraph-florentine': ix('florentine_igraph.net'),
    'networkx-florentine': ix('florentine_networkx.net'),
    'gzipped': ix('karate_igraph.net.gz'),
    'relations-lists': b'% c\n*Network x\n*Vertices 4\n1 "A" 0.1 0.2\n2 "Zo\xc3\xab"\n3 C\n*Arcs :1 "money"\n1 2 2.5\n'
                       b'*Edges :2 "kin"\n2 3\n*Arcslist\n4 1 2 3 4 1 2 3 4 1 2\n*Edgeslist\n1 4\n',
    'crlf': b'*Vertices 2\r\n1 "a b"\r\n*Arcs\r\n1 2 0.5\r\n',
    'no-vertices': b'*Arcs\n1 2\n',
    'bad-number': b'*Vertices 2\n*Arcs\n1 9\n',
    'bad-weight': b'*Vertices 2\n*Arcs\n1 2 nan\n',
    'open-quote': b'*Vertices 2\n1 "a\n',
    'matrix': b'*Vertices 2\n*Matrix\n0 1\n1 0\n',
    'same-name': b'*Vertices 2\n1 "A"\n2 "A"\n',
    'empty': b'',
}

GML = {
    'networkx-florentine': ix('florentine_networkx.gml'),
    'igraph-karate': ix('karate_igraph.gml', 120) + b']\n]\n',
    'gzipped': ix('karate_networkx.gml.gz'),
    'entities-comments': b'# comment\ngraph [ directed 1 node [ id 0 label "A" group "red" graphics [ x 1 y 2 ] ]\n'
                         b'node [ id 1 label "Zo&#235; &amp; &quot;q&quot; &#x1F600;" ] edge [ source 0 target 1 weight 2.5 '
                         b'channel "kin" ] edge [ source 1 target 1 value 3 ] ]',
    'string-ids': b'graph [ node [ id "a" ] node [ id "b" name "B" ] edge [ source "a" target "b" ] ]',
    'unclosed': b'graph [ node [ id 0 ]',
    'no-id': b'graph [ node [ label "x" ] ]',
    'undefined-endpoint': b'graph [ node [ id 0 ] edge [ source 0 target 7 ] ]',
    'bad-entity': b'graph [ node [ id 0 label "&#0;" ] ]',
    'inf-weight': b'graph [ node [ id 0 ] edge [ source 0 target 0 weight +INF ] ]',
    'deep': b'graph [ x ' + b'[ a ' * 200 + b']' * 200 + b' ]',
    'empty': b'',
}


# ---- the API target's byte code (see fuzz_api.c) -------------------------------------------------
def s(text):
    b = text.encode() if isinstance(text, str) else text
    assert len(b) < 16
    return bytes([len(b)]) + b


NULL = b'\xff'
NUMS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 1e300, 'FLT_MAX', 'FLT_MAX+', 'FLT_TRUE_MIN', 7e-46, 1e-45,
        'inf', '-inf', 'nan', 0.85, 1e-10, 1e9, 1025, 1024, 3, 4, '2^53+1', 0.1]


def n(i):          # a fixed number by position in fuzz_api.c's table
    return bytes([i])


def raw(x):        # any double
    return b'\xc0' + struct.pack('>d', x)


def idx(i):        # index i (< 64) into a non-empty table, modulo its count
    return bytes([i])


OUT_OF_RANGE = b'\x80'
NONE = b'\xc1'


def actor(name, group=b'\x00'):
    return b'\x00' + s(name) + (group if isinstance(group, bytes) else s(group))


def resource(name):
    return b'\x01' + s(name)


def edge(a, t, w, ch=b'\x00'):
    return b'\x02' + idx(a) + idx(t) + w + (ch if isinstance(ch, bytes) else s(ch))


def edge_by_name(a, t, w, ch=b'\x00'):
    return b'\x03' + s(a) + s(t) + w + (ch if isinstance(ch, bytes) else s(ch))


def set_group(i, g):
    return b'\x04' + i + (g if isinstance(g, bytes) else s(g))


def set_res(i, r, h, nd):
    return b'\x05' + i + r + h + nd


def opt_int(key, v):
    return b'\x06' + bytes([key]) + b'\x01' + struct.pack('>I', (v + 16) & 0xffffffff)


def opt_double(key, v):
    return b'\x06' + bytes([key]) + b'\x00' + v


def analysis(which, with_params, stop=255, pers=None):
    b = b'\x07' + bytes([which, with_params, stop])
    if which == 2:
        if pers is None:
            b += b'\x00'
        else:
            b += b'\x01' + b''.join(b'\x00' + bytes([p]) for p in pers)
    return b


def read(fmt, head, text, named=True):
    return b'\x08' + bytes([fmt | head << 2, len(text)]) + text + (b'\x00' if named else b'\x01')


def write(fmt, limit=None):
    return b'\x09' + (b'\x01' + bytes([limit]) if limit is not None else b'\x00') + bytes([fmt])


def edges(triples, unit=False, ch=b'\x00'):   # lev_edges_add: [(a, t, w)], strengths or NULL
    b = b'\x0e' + bytes([len(triples)])
    for a, t, w in triples:
        b += (a if isinstance(a, bytes) else idx(a)) + idx(t) + w
    return b + (b'\x01' if unit else b'\x00') + (ch if isinstance(ch, bytes) else s(ch))


def lookup():
    return b'\x0a' + idx(0) + idx(0) + b'\x00\x00' + s('A')


API = {
    'build-and-rank': actor('A', 'red') + actor('B') + actor('C', 'blue') + edge(0, 1, n(5), 'money') +
    edge(1, 2, n(4)) + edge(2, 0, n(2)) + analysis(0, 1) + analysis(1, 0) + analysis(2, 1) + analysis(2, 0) +
    resource('land') + set_res(idx(0), idx(0), n(2), n(4)) + lookup() + write(1) + write(3),
    'bad-values': actor('A') + actor('A') + actor('') + actor(b'\xc3\x28') + edge(0, 0, n(15)) + edge(0, 0, n(3)) +
    edge(0, 0, n(9)) + edge(0, 0, n(11)) + edge(0, 0, n(10)) + edge_by_name('X', 'Y', n(0)) +
    set_group(OUT_OF_RANGE, 'g') + set_res(NONE, idx(0), n(2), n(2)) + resource('') + resource(NULL),
    'options': opt_double(7, n(16)) + opt_double(7, raw(1.5)) + opt_int(3, 0) + opt_int(3, 5) + opt_double(2, n(0)) +
    opt_int(8, 1) + opt_double(6, raw(2.5)) + opt_int(2, 1) + opt_int(4, 1) + opt_int(5, 0) + opt_int(6, 1) +
    actor('A') + actor('B') + edge(0, 1, n(2)) + analysis(2, 1, 3) + analysis(0, 1) + analysis(1, 1) +
    b'\x0b' + analysis(2, 1, 0),
    'personalized': edge_by_name('A', 'B', n(2)) + edge_by_name('B', 'C', n(4)) + edge_by_name('C', 'C', n(12)) +
    analysis(2, 1, 255, [1, 0, 2]) + analysis(2, 1, 255, [0, 0, 0]),
    'readers': read(0, 0, b'A,B,1,x\nB,C,2,\n') + read(1, 1, b'A,g\nD,h\n') + read(2, 2, b'A,gold,1,2\n') +
    read(2, 2, b'Nobody,gold,1,2\n') + read(0, 0, b'A,B,-1,\n') + read(0, 3, b'') + write(0, 10) + write(4),
    'float-edges': actor('A') + actor('B') + edge(0, 1, n(8)) + edge(0, 1, n(10)) + edge(1, 0, n(12)) +
    edge(1, 0, raw(1e-40)) + analysis(2, 0) + analysis(1, 0),
    'edges-bulk': actor('A') + actor('B') + actor('C') + edges([(0, 1, n(5)), (1, 2, n(24)), (2, 2, n(20))], ch='kin') +
    edges([(0, 1, n(0))], unit=True) + analysis(2, 1) + edges([(0, 1, n(5)), (1, 0, n(15))]) +
    edges([(0, 1, n(5)), (OUT_OF_RANGE, 0, n(5))]) + edges([], ch=b'\xc5') + write(0),
    'bulk': b'\x0d\x3f' + b'\x0d\x3f' + edge(5, 70, n(2)) + analysis(2, 1) + b'\x0c\x00' + lookup(),
}


def main():
    for target, seeds, ext in (('edges_csv', EDGES, 'csv'), ('actors_csv', ACTORS, 'csv'),
                               ('resources_csv', RESOURCES, 'csv'), ('api', API, 'bin'),
                               ('graphml', GRAPHML, 'graphml'), ('pajek', PAJEK, 'net'), ('gml', GML, 'gml')):
        d = os.path.join(HERE, 'corpus', target)
        os.makedirs(d, exist_ok=True)
        for name, data in seeds.items():
            with open(os.path.join(d, 'seed-%s.%s' % (name, ext)), 'wb') as f:
                f.write(data)
        print('%s: %d seeds' % (target, len(seeds)))


if __name__ == '__main__':
    main()
