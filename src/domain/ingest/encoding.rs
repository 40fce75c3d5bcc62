//! Text encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (transcoded
//! to UTF-8 chunk by chunk; an input chunk may end inside a code unit or a
//! surrogate pair).

/// The encoding of a file, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    /// UTF-8 (invalid bytes are replaced later, record by record).
    Utf8,
    /// UTF-16 little endian (BOM `FF FE`).
    Utf16Le,
    /// UTF-16 big endian (BOM `FE FF`).
    Utf16Be,
}

/// The encoding and the length of its byte-order mark.
///
/// ```
/// # use telesales_kpi::domain::ingest::encoding::{detect, Encoding};
/// assert_eq!(detect(b"\xef\xbb\xbfa"), (Encoding::Utf8, 3));
/// assert_eq!(detect(b"\xff\xfea\0"), (Encoding::Utf16Le, 2));
/// ```
pub fn detect(prefix: &[u8]) -> (Encoding, usize) {
    match prefix {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
        _ => (Encoding::Utf8, 0),
    }
}

/// Turns a byte stream into UTF-8 bytes, chunk by chunk.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Transcoder {
    encoding: Encoding,
    bom_left: usize,
    odd: Option<u8>,
    high: Option<u16>,
    /// Unpaired surrogates replaced by U+FFFD.
    pub replaced: usize,
}

impl Transcoder {
    /// A transcoder for a stream starting with `prefix` (at least its first 3
    /// bytes, or all of a shorter file).
    pub fn new(prefix: &[u8]) -> Transcoder {
        let (encoding, bom_left) = detect(prefix);
        Transcoder {
            encoding,
            bom_left,
            odd: None,
            high: None,
            replaced: 0,
        }
    }

    /// A transcoder for a stream known to be in `encoding`, starting
    /// `bom_left` bytes before its text (to read a file again from an offset).
    pub fn resume(encoding: Encoding, bom_left: usize) -> Transcoder {
        Transcoder {
            encoding,
            bom_left,
            odd: None,
            high: None,
            replaced: 0,
        }
    }

    /// The detected encoding.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Converts one chunk: UTF-8 input is returned as is (minus the BOM),
    /// UTF-16 is written into `scratch`.
    pub fn convert<'a>(&mut self, mut input: &'a [u8], scratch: &'a mut Vec<u8>) -> &'a [u8] {
        let skip = self.bom_left.min(input.len());
        self.bom_left -= skip;
        input = &input[skip..];
        if self.encoding == Encoding::Utf8 {
            return input;
        }
        scratch.clear();
        let mut bytes = input.iter().copied();
        loop {
            let first = self.odd.take().or_else(|| bytes.next());
            let (a, b) = match (first, bytes.next()) {
                (Some(a), Some(b)) => (a, b),
                (Some(a), None) => {
                    self.odd = Some(a);
                    break;
                }
                _ => break,
            };
            let unit = if self.encoding == Encoding::Utf16Le {
                u16::from_le_bytes([a, b])
            } else {
                u16::from_be_bytes([a, b])
            };
            self.unit(unit, scratch);
        }
        scratch
    }

    /// Ends the stream: a dangling half unit or high surrogate is replaced.
    /// Returns whether an odd trailing byte was dropped.
    pub fn finish(&mut self, scratch: &mut Vec<u8>) -> bool {
        scratch.clear();
        if self.high.take().is_some() {
            self.replaced += 1;
            push_char(char::REPLACEMENT_CHARACTER, scratch);
        }
        self.odd.take().is_some()
    }

    fn unit(&mut self, unit: u16, out: &mut Vec<u8>) {
        if let Some(high) = self.high.take() {
            if (0xDC00..0xE000).contains(&unit) {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                push_char(
                    char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER),
                    out,
                );
                return;
            }
            self.replaced += 1;
            push_char(char::REPLACEMENT_CHARACTER, out);
        }
        if (0xD800..0xDC00).contains(&unit) {
            self.high = Some(unit);
        } else if (0xDC00..0xE000).contains(&unit) {
            self.replaced += 1;
            push_char(char::REPLACEMENT_CHARACTER, out);
        } else {
            push_char(
                char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER),
                out,
            );
        }
    }
}

fn push_char(c: char, out: &mut Vec<u8>) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}
