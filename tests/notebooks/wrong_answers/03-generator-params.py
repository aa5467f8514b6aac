def generator_params(noise_dim, c1=128, c2=64):
    dense = noise_dim * 6272 + 6272
    conv1 = 5 * 5 * c1 * c2 + c2
    conv2 = 5 * 5 * c2 * 1 + 1
    return dense + conv1 + conv2
