def frechet_distance(feats_a, feats_b):
    mu_a, mu_b = feats_a.mean(axis=0), feats_b.mean(axis=0)
    cov_a = np.cov(feats_a, rowvar=False)
    cov_b = np.cov(feats_b, rowvar=False)
    eigenvalues = np.linalg.eigvals(cov_a @ cov_b).astype(complex)
    trace_root = np.sqrt(eigenvalues).real.sum()
    return float(np.sum((mu_a - mu_b) ** 2) + np.trace(cov_a + cov_b) - trace_root)
