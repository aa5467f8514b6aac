def wrong_digits(digits, seed=0):
    return (digits + 1) % 10
