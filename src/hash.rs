//! Hash maps for the hot paths: word tables read on every word, per-document maps.
//!
//! The standard library's SipHash resists hash flooding but costs several times more
//! per short key; the keys here are words of articles and of the embedded data files,
//! hashed with a per-process random seed, so a fast hash is enough.

/// A `HashMap` with foldhash's fast hasher; build with `FastMap::default()`.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with foldhash's fast hasher; build with `FastSet::default()`.
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
