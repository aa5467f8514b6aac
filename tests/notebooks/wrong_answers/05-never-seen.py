never_seen = 96 / 60_000
