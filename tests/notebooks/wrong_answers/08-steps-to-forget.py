import math


def steps_to_forget(decay, share):
    return int(math.log(share) / math.log(decay))
