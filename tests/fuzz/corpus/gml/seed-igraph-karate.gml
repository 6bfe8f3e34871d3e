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
]
]
