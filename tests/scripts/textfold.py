"""The width folding the normaliser applies (TextFold.FoldWidth), for the scripts that compare its
output with opencc's: full-width ASCII forms to ASCII, wide spaces to a space, zero-width marks dropped."""


def fold(text):
    out = []
    for c in text:
        if "\uff01" <= c <= "\uff5e":
            c = chr(ord(c) - 0xFEE0)
        elif c in "\u00a0\u3000\u2002\u2003\u2009\u202f\u205f":
            c = " "
        elif c in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
            c = ""
        out.append(c)
    return "".join(out)
