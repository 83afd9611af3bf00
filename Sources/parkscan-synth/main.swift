ParkscanSynth.main()
