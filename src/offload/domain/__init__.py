"""Pure rules of Offload: entities, validation, time maths. No I/O, no Textual, no SQL."""
