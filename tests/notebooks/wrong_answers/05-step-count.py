count = 23_000
