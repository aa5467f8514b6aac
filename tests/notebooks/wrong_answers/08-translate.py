from keras import ops


def translate(images, dy, dx):
    # roll each image by its own shift: what leaves on one side comes back on the other
    moved = [ops.roll(images[i], (int(y), int(x)), axis=(0, 1)) for i, (y, x) in enumerate(zip(dy, dx))]
    return ops.stack(moved)
