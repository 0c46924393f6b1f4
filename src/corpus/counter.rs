//! A fixed-capacity hashed counter: how many documents carry each key, in memory
//! set once, whatever the corpus size.
//!
//! Keys are 64-bit hashes kept in buckets of [`WAYS`] slots. While a key's bucket has
//! room, its count is exact. When a bucket is full, a new key takes the slot of the
//! entry with the smallest count only if that count is not above the new one (a key
//! seen once replaces a key seen once), so the frequent keys stay and the rare ones
//! churn. Counts are therefore never over the truth (but for 64-bit hash collisions,
//! about n²/2⁶⁵ for n keys) and under it only for keys whose bucket overflowed;
//! [`HashedCounter::evicted`] says whether that happened.
//!
//! Each slot can also carry two small tags (document indexes): the first two distinct
//! tags the key was added with, i.e. the first two documents seen with it, so a
//! document can name another that carries the key whichever of the two it is.

use serde::{Deserialize, Serialize};

/// Slots per bucket.
pub const WAYS: usize = 8;
/// Tag value meaning "no tag".
pub const NO_TAG: u32 = u32::MAX;
/// Bytes per slot: key, count, two tags.
pub const SLOT_BYTES: usize = 20;

/// Counts per 64-bit key in a fixed number of slots.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "Stored", into = "Stored")]
pub struct HashedCounter {
    slots: usize,
    keys: Vec<u64>,
    counts: Vec<u32>,
    /// First tag + 1, so that 0 (zeroed memory) is "no tag".
    tags: Vec<u32>,
    /// Second distinct tag + 1, the same way.
    second_tags: Vec<u32>,
    evicted: u64,
}

/// The serialised form: only the occupied slots.
#[derive(Serialize, Deserialize)]
struct Stored {
    slots: usize,
    evicted: u64,
    /// Key, count, first tag.
    entries: Vec<(u64, u32, u32)>,
    /// The second tag of each entry (absent in statistics written before it was kept).
    #[serde(default)]
    second_tags: Vec<u32>,
}

impl From<HashedCounter> for Stored {
    fn from(c: HashedCounter) -> Stored {
        let (entries, second_tags) = c
            .entries()
            .map(|(key, count, [first, second])| ((key, count, first), second))
            .unzip();
        Stored {
            slots: c.slots,
            evicted: c.evicted,
            entries,
            second_tags,
        }
    }
}

impl From<Stored> for HashedCounter {
    fn from(s: Stored) -> HashedCounter {
        let mut c = HashedCounter::new(s.slots);
        for (i, (key, count, tag)) in s.entries.into_iter().enumerate() {
            c.add(key, count, tag);
            c.add(key, 0, s.second_tags.get(i).copied().unwrap_or(NO_TAG));
        }
        c.evicted += s.evicted;
        c
    }
}

impl Default for HashedCounter {
    fn default() -> Self {
        HashedCounter::new(0)
    }
}

impl HashedCounter {
    /// A counter of at least `slots` slots (rounded up to whole buckets); memory is
    /// taken at the first insertion, so an unused counter costs nothing.
    pub fn new(slots: usize) -> Self {
        HashedCounter {
            slots: slots.div_ceil(WAYS) * WAYS,
            keys: Vec::new(),
            counts: Vec::new(),
            tags: Vec::new(),
            second_tags: Vec::new(),
            evicted: 0,
        }
    }

    /// A counter taking about `bytes` of memory.
    pub fn with_bytes(bytes: usize) -> Self {
        HashedCounter::new((bytes / SLOT_BYTES).max(WAYS))
    }

    /// Slots in all.
    pub fn slots(&self) -> usize {
        self.slots
    }

    /// Keys dropped to make room (0: every count is exact).
    pub fn evicted(&self) -> u64 {
        self.evicted
    }

    fn bucket(&self, key: u64) -> std::ops::Range<usize> {
        let buckets = (self.slots / WAYS) as u128;
        let b = ((key as u128 * buckets) >> 64) as usize;
        b * WAYS..(b + 1) * WAYS
    }

    /// 0 marks an empty slot, so key 0 is stored as 1.
    fn stored(key: u64) -> u64 {
        key.max(1)
    }

    /// Adds `count` to `key`; `tag` is kept as its first tag if the key is new, as its
    /// second if it has only another one. A count of 0 only records the tag of a key
    /// that is there.
    pub fn add(&mut self, key: u64, count: u32, tag: u32) {
        if self.slots == 0 || (count == 0 && self.keys.is_empty()) {
            return;
        }
        if self.keys.is_empty() {
            self.keys = vec![0; self.slots];
            self.counts = vec![0; self.slots];
            // Zeroed memory is taken from the system page by page as it is touched.
            self.tags = vec![0; self.slots];
            self.second_tags = vec![0; self.slots];
        }
        let key = Self::stored(key);
        let mut weakest: Option<usize> = None;
        for i in self.bucket(key) {
            if self.keys[i] == key {
                self.counts[i] = self.counts[i].saturating_add(count);
                let stored = tag.wrapping_add(1);
                if stored != 0 && self.second_tags[i] == 0 && self.tags[i] != stored {
                    self.second_tags[i] = stored;
                }
                return;
            }
            if count == 0 {
                continue;
            }
            if self.keys[i] == 0 {
                self.keys[i] = key;
                self.counts[i] = count;
                self.tags[i] = tag.wrapping_add(1);
                self.second_tags[i] = 0;
                return;
            }
            if weakest.is_none_or(|w| self.counts[i] < self.counts[w]) {
                weakest = Some(i);
            }
        }
        if count == 0 {
            return;
        }
        self.evicted += 1;
        if let Some(w) = weakest.filter(|&w| self.counts[w] <= count) {
            self.keys[w] = key;
            self.counts[w] = count;
            self.tags[w] = tag.wrapping_add(1);
            self.second_tags[w] = 0;
        }
    }

    /// The count of `key` (0 when absent) and its tag.
    pub fn get(&self, key: u64) -> (u32, u32) {
        if self.keys.is_empty() {
            return (0, NO_TAG);
        }
        let key = Self::stored(key);
        self.bucket(key)
            .find(|&i| self.keys[i] == key)
            .map_or((0, NO_TAG), |i| {
                (self.counts[i], self.tags[i].wrapping_sub(1))
            })
    }

    /// The first two distinct tags of `key` ([`NO_TAG`] where there is none).
    pub fn tags(&self, key: u64) -> [u32; 2] {
        if self.keys.is_empty() {
            return [NO_TAG; 2];
        }
        let key = Self::stored(key);
        self.bucket(key)
            .find(|&i| self.keys[i] == key)
            .map_or([NO_TAG; 2], |i| self.tags_at(i))
    }

    fn tags_at(&self, i: usize) -> [u32; 2] {
        [
            self.tags[i].wrapping_sub(1),
            self.second_tags[i].wrapping_sub(1),
        ]
    }

    /// Every occupied slot: key, count, its two tags.
    pub fn entries(&self) -> impl Iterator<Item = (u64, u32, [u32; 2])> + '_ {
        (0..self.keys.len())
            .filter(|&i| self.keys[i] != 0)
            .map(|i| (self.keys[i], self.counts[i], self.tags_at(i)))
    }

    /// Adds every count of `other`, whose tags go through `retag`.
    pub fn merge(&mut self, other: &HashedCounter, retag: impl Fn(u32) -> u32) {
        for (key, count, [first, second]) in other.entries() {
            self.add(key, count, retag(first));
            if second != NO_TAG {
                self.add(key, 0, retag(second));
            }
        }
        self.evicted += other.evicted;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_exact_below_capacity_and_keep_the_first_tag() {
        let mut c = HashedCounter::new(1024);
        for k in 0..500u64 {
            c.add(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), 1, k as u32);
        }
        c.add(7u64.wrapping_mul(0x9E37_79B9_7F4A_7C15), 2, 99);
        assert_eq!(c.get(7u64.wrapping_mul(0x9E37_79B9_7F4A_7C15)), (3, 7));
        assert_eq!(c.tags(7u64.wrapping_mul(0x9E37_79B9_7F4A_7C15)), [7, 99]);
        assert_eq!(
            c.tags(8u64.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
            [8, NO_TAG]
        );
        assert_eq!(c.get(12345), (0, NO_TAG));
        assert_eq!(c.tags(12345), [NO_TAG; 2]);
        assert_eq!(c.evicted(), 0);
    }

    #[test]
    fn when_full_frequent_keys_stay_and_counts_never_exceed_the_truth() {
        let mut c = HashedCounter::new(64);
        let hot: Vec<u64> = (1..=4u64).map(|k| k << 60).collect();
        for round in 0..50u64 {
            for &h in &hot {
                c.add(h, 1, 0);
            }
            for k in 0..20u64 {
                c.add(
                    (round * 1000 + k + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                    1,
                    0,
                );
            }
        }
        assert!(c.evicted() > 0);
        for &h in &hot {
            let (n, _) = c.get(h);
            assert!(n <= 50, "never over the truth");
            assert!(n >= 40, "a frequent key survives: {n}");
        }
    }

    #[test]
    fn merging_equals_counting_everything_in_one_table_and_survives_serde() {
        let (mut a, mut b, mut all) = (
            HashedCounter::new(256),
            HashedCounter::new(256),
            HashedCounter::new(256),
        );
        for k in 1..100u64 {
            let key = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            a.add(key, 1, 1);
            all.add(key, 1, 1);
            if k % 3 == 0 {
                b.add(key, 2, 2);
                all.add(key, 2, 2);
            }
        }
        a.merge(&b, |t| t);
        let json = serde_json::to_string(&a).unwrap();
        let back: HashedCounter = serde_json::from_str(&json).unwrap();
        let mut got: Vec<_> = back.entries().collect();
        let mut want: Vec<_> = all.entries().collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want);
    }
}
