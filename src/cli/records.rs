//! JSONL corpora: opening plain, gzip and zstd files, streaming their lines, and
//! reading one record's id and text while keeping every other field as it was.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use indexmap::IndexMap;
use serde_json::value::RawValue;

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// File names a directory walk keeps with `--input jsonl`.
pub(crate) const JSONL_GLOBS: &[&str] = &["*.jsonl", "*.jsonl.gz", "*.jsonl.zst"];

/// Which fields hold a record's text and id.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    pub(crate) text: String,
    pub(crate) id: String,
}

/// One line of a JSONL file, not yet parsed (parsing runs on the worker threads).
#[derive(Debug, Clone)]
pub(crate) struct RawRecord {
    /// The file as the user named it (`-` for stdin).
    pub(crate) file: String,
    /// 1-based line number.
    pub(crate) line: usize,
    pub(crate) raw: Vec<u8>,
}

/// A parsed record: its fields in their order, unparsed, plus its id and text.
#[derive(Debug)]
pub(crate) struct Record {
    pub(crate) fields: IndexMap<String, Box<RawValue>>,
    pub(crate) id: String,
    pub(crate) text: String,
}

impl RawRecord {
    /// `file:line` for messages and for records without an id.
    pub(crate) fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// Parses the line; an error names the file and line and says what is wrong.
    pub(crate) fn parse(&self, fields: &Fields) -> Result<Record, String> {
        let bad = |what: String| format!("{}: bad record: {what}", self.place());
        let map: IndexMap<String, Box<RawValue>> =
            serde_json::from_slice(&self.raw).map_err(|e| bad(format!("invalid JSON ({e})")))?;
        let text = match map.get(&fields.text) {
            None => return Err(bad(format!("no `{}` field", fields.text))),
            Some(v) => serde_json::from_str::<String>(v.get())
                .map_err(|_| bad(format!("the `{}` field is not a string", fields.text)))?,
        };
        let id = match map.get(&fields.id).map(|v| v.get()) {
            None | Some("null") => self.place(),
            Some(raw) => match serde_json::from_str::<String>(raw) {
                Ok(s) => s,
                // Numbers and other scalars stand as written.
                Err(_) => raw.to_owned(),
            },
        };
        Ok(Record {
            fields: map,
            id,
            text,
        })
    }
}

/// Counts the bytes read from the files of a run (compressed, as on disk), for progress.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReadCounter(Arc<AtomicU64>);

impl ReadCounter {
    pub(crate) fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    pub(crate) fn reset(&self) {
        self.0.store(0, Ordering::Relaxed);
    }

    pub(crate) fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

struct Counted<R> {
    inner: R,
    counter: ReadCounter,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.add(n as u64);
        Ok(n)
    }
}

/// Opens a JSONL file, decompressing gzip or zstd by magic bytes (so a misnamed file
/// works too).
pub(crate) fn open(path: &Path, counter: &ReadCounter) -> Result<Box<dyn BufRead>, String> {
    let file = File::open(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    decompress(
        Counted {
            inner: file,
            counter: counter.clone(),
        },
        &path.display().to_string(),
    )
}

fn decompress(reader: impl Read + 'static, name: &str) -> Result<Box<dyn BufRead>, String> {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    let head = buffered
        .fill_buf()
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    Ok(if head.starts_with(GZIP_MAGIC) {
        Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(
            buffered,
        )))
    } else if head.starts_with(ZSTD_MAGIC) {
        let decoder = zstd::stream::read::Decoder::with_buffer(buffered)
            .map_err(|e| format!("{name}: cannot start zstd decoding: {e}"))?;
        Box::new(BufReader::new(decoder))
    } else {
        Box::new(buffered)
    })
}

/// The non-blank lines of several JSONL files, in order. A file that cannot be opened
/// or whose stream breaks (truncated gzip, say) yields one error and is left.
pub(crate) struct Lines {
    files: std::vec::IntoIter<(PathBuf, String)>,
    current: Option<(Box<dyn BufRead>, String, usize)>,
    counter: ReadCounter,
}

impl Lines {
    /// `files` pairs each path with the name to report.
    pub(crate) fn new(files: Vec<(PathBuf, String)>, counter: ReadCounter) -> Self {
        Lines {
            files: files.into_iter(),
            current: None,
            counter,
        }
    }
}

impl Iterator for Lines {
    type Item = Result<RawRecord, String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some((reader, name, line)) = &mut self.current else {
                let (path, name) = self.files.next()?;
                match open(&path, &self.counter) {
                    Ok(r) => self.current = Some((r, name, 0)),
                    Err(e) => return Some(Err(e)),
                }
                continue;
            };
            let mut raw = Vec::new();
            match reader.read_until(b'\n', &mut raw) {
                Ok(0) => self.current = None,
                Ok(_) => {
                    *line += 1;
                    if raw.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(RawRecord {
                        file: name.clone(),
                        line: *line,
                        raw,
                    }));
                }
                Err(e) => {
                    let err = format!("{name}: cannot read after line {line}: {e}");
                    self.current = None;
                    return Some(Err(err));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn fields() -> Fields {
        Fields {
            text: "text".into(),
            id: "id".into(),
        }
    }

    fn raw(s: &str) -> RawRecord {
        RawRecord {
            file: "a.jsonl".into(),
            line: 3,
            raw: s.as_bytes().to_vec(),
        }
    }

    #[test]
    fn records_keep_their_fields_and_take_ids_or_places() {
        let r = raw(r#"{"url":"u","text":"Hi\nthere","id":7,"n":1.0}"#)
            .parse(&fields())
            .unwrap();
        assert_eq!((r.id.as_str(), r.text.as_str()), ("7", "Hi\nthere"));
        assert_eq!(
            r.fields.keys().collect::<Vec<_>>(),
            ["url", "text", "id", "n"]
        );
        assert_eq!(r.fields["n"].get(), "1.0");
        let r = raw(r#"{"text":"x"}"#).parse(&fields()).unwrap();
        assert_eq!(r.id, "a.jsonl:3");
    }

    #[test]
    fn bad_records_name_file_and_line() {
        for (line, why) in [
            ("{not json", "invalid JSON"),
            (r#"{"id":"a"}"#, "no `text` field"),
            (r#"{"text":3}"#, "not a string"),
            ("[1,2]", "invalid JSON"),
        ] {
            let e = raw(line).parse(&fields()).unwrap_err();
            assert!(e.starts_with("a.jsonl:3: bad record"), "{e}");
            assert!(e.contains(why), "{e}");
        }
    }

    #[test]
    fn gzip_and_zstd_are_read_by_magic_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let body = b"{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n";
        let plain = dir.path().join("p.jsonl");
        std::fs::write(&plain, body).unwrap();
        let gz = dir.path().join("g.data");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(body).unwrap();
        std::fs::write(&gz, enc.finish().unwrap()).unwrap();
        let zst = dir.path().join("z.jsonl.zst");
        std::fs::write(&zst, zstd::encode_all(&body[..], 1).unwrap()).unwrap();
        let files = [plain, gz, zst]
            .into_iter()
            .map(|p| (p.clone(), p.display().to_string()))
            .collect();
        let counter = ReadCounter::default();
        let lines: Vec<RawRecord> = Lines::new(files, counter.clone())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[1].line, 3, "blank lines are skipped but counted");
        assert!(lines.iter().all(|l| l.raw.starts_with(b"{\"text\"")));
        assert!(counter.get() > 0);
    }

    #[test]
    fn a_missing_file_is_one_error() {
        let files = vec![(PathBuf::from("/no/such.jsonl"), "such.jsonl".into())];
        let out: Vec<_> = Lines::new(files, ReadCounter::default()).collect();
        assert_eq!(out.len(), 1);
        assert!(out[0].as_ref().unwrap_err().contains("cannot read"));
    }
}
