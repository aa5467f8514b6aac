transpose_generator = build_generator()
