broken_settings = {"lr_d": 1e-5}
predicted = "modes"
