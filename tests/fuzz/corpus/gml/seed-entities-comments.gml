# comment
graph [ directed 1 node [ id 0 label "A" group "red" graphics [ x 1 y 2 ] ]
node [ id 1 label "Zo&#235; &amp; &quot;q&quot; &#x1F600;" ] edge [ source 0 target 1 weight 2.5 channel "kin" ] edge [ source 1 target 1 value 3 ] ]