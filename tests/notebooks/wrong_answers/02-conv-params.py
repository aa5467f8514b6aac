def conv_params(kernel, c_in, c_out):
    return kernel * kernel * c_in * c_out
