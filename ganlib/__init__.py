"""ganlib: the small, tested library behind the course "Generative Adversarial Networks".

Modules: ``data`` (MNIST offline), ``models`` (the post's DCGAN-style model), ``labels``
(real/fake targets), ``training`` (the alternating loop as a Keras model), ``sampling`` (noise
and generation), ``plotting`` (grids, curves, animations), ``fmt`` (numbers in the reader's
language), ``language`` (the language ganlib writes in), ``config`` (run sizes per mode).

``ganlib.set_language("tr")`` makes ganlib write Turkish: numbers, figure labels and the
exercises' feedback (see ``ganlib.language``).

Importing ganlib changes nothing in the process: no environment variables, no TensorFlow
import. A notebook that wants TensorFlow without its start-up messages asks for it visibly
with ``ganlib.config.quiet_tensorflow()`` (every chapter's first cell does).
"""

from ganlib.language import get_language, set_language

__version__ = "0.1.0"
__all__ = ["get_language", "set_language"]
