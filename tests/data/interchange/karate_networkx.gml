graph [
  node [
    id 0
    label "1"
  ]
  node [
    id 1
    label "2"
  ]
  node [
    id 2
    label "3"
  ]
  node [
    id 3
    label "4"
  ]
  node [
    id 4
    label "5"
  ]
  node [
    id 5
    label "6"
  ]
  node [
    id 6
    label "7"
  ]
  node [
    id 7
    label "8"
  ]
  node [
    id 8
    label "9"
  ]
  node [
    id 9
    label "11"
  ]
  node [
    id 10
    label "12"
  ]
  node [
    id 11
    label "13"
  ]
  node [
    id 12
    label "14"
  ]
  node [
    id 13
    label "18"
  ]
  node [
    id 14
    label "20"
  ]
  node [
    id 15
    label "22"
  ]
  node [
    id 16
    label "32"
  ]
  node [
    id 17
    label "31"
  ]
  node [
    id 18
    label "10"
  ]
  node [
    id 19
    label "28"
  ]
  node [
    id 20
    label "29"
  ]
  node [
    id 21
    label "33"
  ]
  node [
    id 22
    label "17"
  ]
  node [
    id 23
    label "34"
  ]
  node [
    id 24
    label "15"
  ]
  node [
    id 25
    label "16"
  ]
  node [
    id 26
    label "19"
  ]
  node [
    id 27
    label "21"
  ]
  node [
    id 28
    label "23"
  ]
  node [
    id 29
    label "24"
  ]
  node [
    id 30
    label "26"
  ]
  node [
    id 31
    label "30"
  ]
  node [
    id 32
    label "25"
  ]
  node [
    id 33
    label "27"
  ]
  edge [
    source 0
    target 1
    weight 4.0
  ]
  edge [
    source 0
    target 2
    weight 5.0
  ]
  edge [
    source 0
    target 3
    weight 3.0
  ]
  edge [
    source 0
    target 4
    weight 3.0
  ]
  edge [
    source 0
    target 5
    weight 3.0
  ]
  edge [
    source 0
    target 6
    weight 3.0
  ]
  edge [
    source 0
    target 7
    weight 2.0
  ]
  edge [
    source 0
    target 8
    weight 2.0
  ]
  edge [
    source 0
    target 9
    weight 2.0
  ]
  edge [
    source 0
    target 10
    weight 3.0
  ]
  edge [
    source 0
    target 11
    weight 1.0
  ]
  edge [
    source 0
    target 12
    weight 3.0
  ]
  edge [
    source 0
    target 13
    weight 2.0
  ]
  edge [
    source 0
    target 14
    weight 2.0
  ]
  edge [
    source 0
    target 15
    weight 2.0
  ]
  edge [
    source 0
    target 16
    weight 2.0
  ]
  edge [
    source 1
    target 2
    weight 6.0
  ]
  edge [
    source 1
    target 3
    weight 3.0
  ]
  edge [
    source 1
    target 7
    weight 4.0
  ]
  edge [
    source 1
    target 12
    weight 5.0
  ]
  edge [
    source 1
    target 13
    weight 1.0
  ]
  edge [
    source 1
    target 14
    weight 2.0
  ]
  edge [
    source 1
    target 15
    weight 2.0
  ]
  edge [
    source 1
    target 17
    weight 2.0
  ]
  edge [
    source 2
    target 3
    weight 3.0
  ]
  edge [
    source 2
    target 7
    weight 4.0
  ]
  edge [
    source 2
    target 8
    weight 5.0
  ]
  edge [
    source 2
    target 18
    weight 1.0
  ]
  edge [
    source 2
    target 12
    weight 3.0
  ]
  edge [
    source 2
    target 19
    weight 2.0
  ]
  edge [
    source 2
    target 20
    weight 2.0
  ]
  edge [
    source 2
    target 21
    weight 2.0
  ]
  edge [
    source 3
    target 7
    weight 3.0
  ]
  edge [
    source 3
    target 11
    weight 3.0
  ]
  edge [
    source 3
    target 12
    weight 3.0
  ]
  edge [
    source 4
    target 6
    weight 2.0
  ]
  edge [
    source 4
    target 9
    weight 3.0
  ]
  edge [
    source 5
    target 6
    weight 5.0
  ]
  edge [
    source 5
    target 9
    weight 3.0
  ]
  edge [
    source 5
    target 22
    weight 3.0
  ]
  edge [
    source 6
    target 22
    weight 3.0
  ]
  edge [
    source 8
    target 17
    weight 3.0
  ]
  edge [
    source 8
    target 21
    weight 3.0
  ]
  edge [
    source 8
    target 23
    weight 4.0
  ]
  edge [
    source 12
    target 23
    weight 3.0
  ]
  edge [
    source 14
    target 23
    weight 1.0
  ]
  edge [
    source 16
    target 32
    weight 2.0
  ]
  edge [
    source 16
    target 30
    weight 7.0
  ]
  edge [
    source 16
    target 20
    weight 2.0
  ]
  edge [
    source 16
    target 21
    weight 4.0
  ]
  edge [
    source 16
    target 23
    weight 4.0
  ]
  edge [
    source 17
    target 21
    weight 3.0
  ]
  edge [
    source 17
    target 23
    weight 3.0
  ]
  edge [
    source 18
    target 23
    weight 2.0
  ]
  edge [
    source 19
    target 29
    weight 4.0
  ]
  edge [
    source 19
    target 32
    weight 3.0
  ]
  edge [
    source 19
    target 23
    weight 4.0
  ]
  edge [
    source 20
    target 23
    weight 2.0
  ]
  edge [
    source 21
    target 24
    weight 3.0
  ]
  edge [
    source 21
    target 25
    weight 3.0
  ]
  edge [
    source 21
    target 26
    weight 1.0
  ]
  edge [
    source 21
    target 27
    weight 3.0
  ]
  edge [
    source 21
    target 28
    weight 2.0
  ]
  edge [
    source 21
    target 29
    weight 5.0
  ]
  edge [
    source 21
    target 31
    weight 4.0
  ]
  edge [
    source 21
    target 23
    weight 5.0
  ]
  edge [
    source 23
    target 24
    weight 2.0
  ]
  edge [
    source 23
    target 25
    weight 4.0
  ]
  edge [
    source 23
    target 26
    weight 2.0
  ]
  edge [
    source 23
    target 27
    weight 1.0
  ]
  edge [
    source 23
    target 28
    weight 3.0
  ]
  edge [
    source 23
    target 29
    weight 4.0
  ]
  edge [
    source 23
    target 33
    weight 2.0
  ]
  edge [
    source 23
    target 31
    weight 2.0
  ]
  edge [
    source 29
    target 30
    weight 5.0
  ]
  edge [
    source 29
    target 31
    weight 3.0
  ]
  edge [
    source 30
    target 32
    weight 2.0
  ]
  edge [
    source 31
    target 33
    weight 4.0
  ]
]
