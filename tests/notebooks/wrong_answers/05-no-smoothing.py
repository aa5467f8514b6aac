gan_plain = gan
