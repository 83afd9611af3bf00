print("parkscan-synth: not yet")
