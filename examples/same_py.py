"""The same analysis in C, Python and Lua (examples/same_*): PageRank of the Florentine families
(marriage ties, undirected) and its Gini coefficient. The tests run all three and compare."""
import sys

import leverage

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
with leverage.Network.from_csv(f"{data}/florentine_edges.csv", actors=f"{data}/florentine_actors.csv") as net:
    pr = net.pagerank(undirected=True)
    for name in net.actors:
        print(f"{name} {pr[name]:.12f}")
    print(f"gini {leverage.gini(list(pr.values())):.12f}")
