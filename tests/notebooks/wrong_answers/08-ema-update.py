def ema_update(average, current, decay):
    return [decay * w + (1 - decay) * a for a, w in zip(average, current)]
