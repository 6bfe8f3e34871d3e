graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "Acciaiuoli"
    group "medicean"
  ]
  node [
    id 1
    label "Albizzi"
    group "oligarch"
  ]
  node [
    id 2
    label "Barbadori"
    group "oligarch"
  ]
  node [
    id 3
    label "Bischeri"
    group "oligarch"
  ]
  node [
    id 4
    label "Castellani"
    group "oligarch"
  ]
  node [
    id 5
    label "Ginori"
    group "medicean"
  ]
  node [
    id 6
    label "Guadagni"
    group "oligarch"
  ]
  node [
    id 7
    label "Lamberteschi"
    group "oligarch"
  ]
  node [
    id 8
    label "Medici"
    group "medicean"
  ]
  node [
    id 9
    label "Pazzi"
    group "medicean"
  ]
  node [
    id 10
    label "Peruzzi"
    group "oligarch"
  ]
  node [
    id 11
    label "Pucci"
    group "medicean"
  ]
  node [
    id 12
    label "Ridolfi"
    group "oligarch"
  ]
  node [
    id 13
    label "Salviati"
    group "medicean"
  ]
  node [
    id 14
    label "Strozzi"
    group "oligarch"
  ]
  node [
    id 15
    label "Tornabuoni"
    group "medicean"
  ]
  edge [
    source 0
    target 8
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 1
    target 5
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 1
    target 6
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 1
    target 8
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 2
    target 4
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 2
    target 8
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 3
    target 6
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 3
    target 10
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 3
    target 14
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 4
    target 10
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 4
    target 14
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 6
    target 7
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 6
    target 15
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 8
    target 12
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 8
    target 13
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 8
    target 15
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 9
    target 13
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 10
    target 14
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 12
    target 14
    key 0
    weight 1.0
    channel "marriage"
  ]
  edge [
    source 12
    target 15
    key 0
    weight 1.0
    channel "marriage"
  ]
]
