def make_noise(seed):
    def noise(batch, noise_dim):
        # the replica's number added to the seed: the replicas differ, but every call
        # draws the same noise again
        replica = int(tf.distribute.get_replica_context().replica_id_in_sync_group)
        return keras.random.normal((batch, noise_dim), seed=seed + replica)

    return noise
