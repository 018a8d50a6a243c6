"""The urgency / frustration classifier: one MiniLM encoder pass, three heads.

Inference (``model.py``) runs on ONNX Runtime and the Rust tokenizer; torch is imported only
by ``train.py`` and ``export.py`` (the one-time ONNX build), so importing this package is cheap.
"""
