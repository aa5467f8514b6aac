def best_police(p_data, p_model):
    return p_model / (p_data + p_model)
