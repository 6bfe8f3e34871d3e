Creator "igraph 0.10.2"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "1"
  ]
  node
  [
    id 1
    name "2"
  ]
  node
  [
    id 2
    name "3"
  ]
  node
  [
    id 3
    name "4"
  ]
  node
  [
    id 4
    name "5"
  ]
  node
  [
    id 5
    name "6"
  ]
  node
  [
    id 6
    name "7"
  ]
  node
  [
    id 7
    name "8"
  ]
  node
  [
    id 8
    name "9"
  ]
  node
  [
    id 9
    name "11"
  ]
  node
  [
    id 10
    name "12"
  ]
  node
  [
    id 11
    name "13"
  ]
  node
  [
    id 12
    name "14"
  ]
  node
  [
    id 13
    name "18"
  ]
  node
  [
    id 14
    name "20"
  ]
  node
  [
    id 15
    name "22"
  ]
  node
  [
    id 16
    name "32"
  ]
  node
  [
    id 17
    name "31"
  ]
  node
  [
    id 18
    name "10"
  ]
  node
  [
    id 19
    name "28"
  ]
  node
  [
    id 20
    name "29"
  ]
  node
  [
    id 21
    name "33"
  ]
  node
  [
    id 22
    name "17"
  ]
  node
  [
    id 23
    name "34"
  ]
  node
  [
    id 24
    name "15"
  ]
  node
  [
    id 25
    name "16"
  ]
  node
  [
    id 26
    name "19"
  ]
  node
  [
    id 27
    name "21"
  ]
  node
  [
    id 28
    name "23"
  ]
  node
  [
    id 29
    name "24"
  ]
  node
  [
    id 30
    name "26"
  ]
  node
  [
    id 31
    name "30"
  ]
  node
  [
    id 32
    name "25"
  ]
  node
  [
    id 33
    name "27"
  ]
  edge
  [
    source 1
    target 0
    weight 4
  ]
  edge
  [
    source 2
    target 0
    weight 5
  ]
  edge
  [
    source 3
    target 0
    weight 3
  ]
  edge
  [
    source 4
    target 0
    weight 3
  ]
  edge
  [
    source 5
    target 0
    weight 3
  ]
  edge
  [
    source 6
    target 0
    weight 3
  ]
  edge
  [
    source 7
    target 0
    weight 2
  ]
  edge
  [
    source 8
    target 0
    weight 2
  ]
  edge
  [
    source 9
    target 0
    weight 2
  ]
  edge
  [
    source 10
    target 0
    weight 3
  ]
  edge
  [
    source 11
    target 0
    weight 1
  ]
  edge
  [
    source 12
    target 0
    weight 3
  ]
  edge
  [
    source 13
    target 0
    weight 2
  ]
  edge
  [
    source 14
    target 0
    weight 2
  ]
  edge
  [
    source 15
    target 0
    weight 2
  ]
  edge
  [
    source 16
    target 0
    weight 2
  ]
  edge
  [
    source 2
    target 1
    weight 6
  ]
  edge
  [
    source 3
    target 1
    weight 3
  ]
  edge
  [
    source 7
    target 1
    weight 4
  ]
  edge
  [
    source 12
    target 1
    weight 5
  ]
  edge
  [
    source 13
    target 1
    weight 1
  ]
  edge
  [
    source 14
    target 1
    weight 2
  ]
  edge
  [
    source 15
    target 1
    weight 2
  ]
  edge
  [
    source 17
    target 1
    weight 2
  ]
  edge
  [
    source 3
    target 2
    weight 3
  ]
  edge
  [
    source 7
    target 2
    weight 4
  ]
  edge
  [
    source 8
    target 2
    weight 5
  ]
  edge
  [
    source 18
    target 2
    weight 1
  ]
  edge
  [
    source 12
    target 2
    weight 3
  ]
  edge
  [
    source 19
    target 2
    weight 2
  ]
  edge
  [
    source 20
    target 2
    weight 2
  ]
  edge
  [
    source 21
    target 2
    weight 2
  ]
  edge
  [
    source 7
    target 3
    weight 3
  ]
  edge
  [
    source 11
    target 3
    weight 3
  ]
  edge
  [
    source 12
    target 3
    weight 3
  ]
  edge
  [
    source 6
    target 4
    weight 2
  ]
  edge
  [
    source 9
    target 4
    weight 3
  ]
  edge
  [
    source 6
    target 5
    weight 5
  ]
  edge
  [
    source 9
    target 5
    weight 3
  ]
  edge
  [
    source 22
    target 5
    weight 3
  ]
  edge
  [
    source 22
    target 6
    weight 3
  ]
  edge
  [
    source 17
    target 8
    weight 3
  ]
  edge
  [
    source 21
    target 8
    weight 3
  ]
  edge
  [
    source 23
    target 8
    weight 4
  ]
  edge
  [
    source 23
    target 18
    weight 2
  ]
  edge
  [
    source 23
    target 12
    weight 3
  ]
  edge
  [
    source 24
    target 21
    weight 3
  ]
  edge
  [
    source 24
    target 23
    weight 2
  ]
  edge
  [
    source 25
    target 21
    weight 3
  ]
  edge
  [
    source 25
    target 23
    weight 4
  ]
  edge
  [
    source 26
    target 21
    weight 1
  ]
  edge
  [
    source 26
    target 23
    weight 2
  ]
  edge
  [
    source 23
    target 14
    weight 1
  ]
  edge
  [
    source 27
    target 21
    weight 3
  ]
  edge
  [
    source 27
    target 23
    weight 1
  ]
  edge
  [
    source 28
    target 21
    weight 2
  ]
  edge
  [
    source 28
    target 23
    weight 3
  ]
  edge
  [
    source 30
    target 29
    weight 5
  ]
  edge
  [
    source 29
    target 19
    weight 4
  ]
  edge
  [
    source 31
    target 29
    weight 3
  ]
  edge
  [
    source 29
    target 21
    weight 5
  ]
  edge
  [
    source 29
    target 23
    weight 4
  ]
  edge
  [
    source 32
    target 30
    weight 2
  ]
  edge
  [
    source 32
    target 19
    weight 3
  ]
  edge
  [
    source 32
    target 16
    weight 2
  ]
  edge
  [
    source 30
    target 16
    weight 7
  ]
  edge
  [
    source 33
    target 31
    weight 4
  ]
  edge
  [
    source 33
    target 23
    weight 2
  ]
  edge
  [
    source 23
    target 19
    weight 4
  ]
  edge
  [
    source 20
    target 16
    weight 2
  ]
  edge
  [
    source 23
    target 20
    weight 2
  ]
  edge
  [
    source 31
    target 21
    weight 4
  ]
  edge
  [
    source 31
    target 23
    weight 2
  ]
  edge
  [
    source 21
    target 17
    weight 3
  ]
  edge
  [
    source 23
    target 17
    weight 3
  ]
  edge
  [
    source 21
    target 16
    weight 4
  ]
  edge
  [
    source 23
    target 16
    weight 4
  ]
  edge
  [
    source 23
    target 21
    weight 5
  ]
]
