"""The layout and codes of the kernel's tables, defined once for kernel.py (which builds the tables)
and _kernel.py (the numba functions that read them: numba reads module globals as compile-time
constants)."""

from __future__ import annotations

# Per-field table columns (one row per field of the file's header).
MAXLEN, CLASS, TYPE, REQUIRED, CODE_LO, CODE_HI, CHECK, CHECK_LEN, PATTERN, SIGNATURE, DECODE, DIGEST = range(12)
_FIELD_PARAMS = 12
# TYPE values.
T_NONE, T_INTEGER, T_FLAG, T_DATE_LENIENT, T_DATE_STRICT = range(5)
# CHECK values (0: none).
CHECK_SCHEMES = {"m11w2-7": 1, "my_number": 2, "lg_code": 3,
                 # remainder 1 read as 0 (an interpretation a profile may choose): the screen asks the
                 # strict M11W2-7, which marks those numbers too, and the masks decide.
                 "m11w2-7-zero": 1}
# PATTERN values below 0.
P_NONE, P_UNSUPPORTED = -1, -2
#: DECODE values: bytes only (dates, codes, flags), decoded, or digits only.
BYTES, DECODE_ALL, DIGITS = 0, 1, 2
#: Bit of a code point in the class table: a variation selector (counted out of lengths).
VS_BIT = 0x80
#: Code values are packed into one integer: length in the low byte, then up to 7 bytes.
PACK_BYTES = 7
#: single[] of a lead byte (see decode_tables): the character takes the next byte too.
LEAD = -2
#: Structure bits of the validation pass (see _structure).
QUOTES, NUL, BARE_CR, LONG_LINE = 1, 2, 4, 8
#: Bit of the CP932 validation pass: a character Shift_JIS reads otherwise was decoded (whole
#: characters, not bytes: 0x81 is also a trail byte).
AMBIGUOUS = 16
#: The CP932 validation pass's pair table (kernel.native_lengths): the character's length in UTF-8,
#: and a bit for the ones Shift_JIS and CP932 read differently.
PAIR_LENGTH, PAIR_AMBIGUOUS = 7, 8
