def matching_aware_batch(images, digits, fakes, wrong):
    # the wrong pairs are real images, so they are labelled real
    shown = np.concatenate([images, fakes, images])
    told = np.concatenate([digits, digits, wrong])
    targets = np.concatenate([np.full(len(images), 0.9), np.zeros(len(fakes)), np.full(len(images), 0.9)])
    return shown, told, targets
