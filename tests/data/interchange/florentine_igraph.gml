Creator "igraph 0.10.2"
Version 1
graph
[
  directed 1
  node
  [
    id 0
    name "Acciaiuoli"
    group "medicean"
  ]
  node
  [
    id 1
    name "Albizzi"
    group "oligarch"
  ]
  node
  [
    id 2
    name "Barbadori"
    group "oligarch"
  ]
  node
  [
    id 3
    name "Bischeri"
    group "oligarch"
  ]
  node
  [
    id 4
    name "Castellani"
    group "oligarch"
  ]
  node
  [
    id 5
    name "Ginori"
    group "medicean"
  ]
  node
  [
    id 6
    name "Guadagni"
    group "oligarch"
  ]
  node
  [
    id 7
    name "Lamberteschi"
    group "oligarch"
  ]
  node
  [
    id 8
    name "Medici"
    group "medicean"
  ]
  node
  [
    id 9
    name "Pazzi"
    group "medicean"
  ]
  node
  [
    id 10
    name "Peruzzi"
    group "oligarch"
  ]
  node
  [
    id 11
    name "Pucci"
    group "medicean"
  ]
  node
  [
    id 12
    name "Ridolfi"
    group "oligarch"
  ]
  node
  [
    id 13
    name "Salviati"
    group "medicean"
  ]
  node
  [
    id 14
    name "Strozzi"
    group "oligarch"
  ]
  node
  [
    id 15
    name "Tornabuoni"
    group "medicean"
  ]
  edge
  [
    source 0
    target 8
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 1
    target 5
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 1
    target 6
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 1
    target 8
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 2
    target 4
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 2
    target 8
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 3
    target 6
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 3
    target 10
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 3
    target 14
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 4
    target 10
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 4
    target 14
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 6
    target 7
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 6
    target 15
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 8
    target 12
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 8
    target 13
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 8
    target 15
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 9
    target 13
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 10
    target 14
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 12
    target 14
    weight 1
    channel "marriage"
  ]
  edge
  [
    source 12
    target 15
    weight 1
    channel "marriage"
  ]
]
