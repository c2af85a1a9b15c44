//! The nouns of the dependency map: a node as the app and the store name it, the needs
//! Keel accepts between nodes, a node's status and a place on the map.

use serde::{Deserialize, Serialize, Serializer};

use super::FieldErrors;

/// A node of the map as the app and the store name it: `activity:12`, `resource:3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeRef {
    Activity(i64),
    Resource(i64),
}

/// In JSON, a node is its key: `activity:12`.
impl Serialize for NodeRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key())
    }
}

impl NodeRef {
    /// Reads `activity:ID` or `resource:ID`; anything else is refused at `field`.
    pub fn parse(field: &str, text: &str) -> Result<Self, FieldErrors> {
        let parsed = text.split_once(':').and_then(|(kind, id)| {
            let id: i64 = id.parse().ok()?;
            match kind {
                "activity" => Some(NodeRef::Activity(id)),
                "resource" => Some(NodeRef::Resource(id)),
                _ => None,
            }
        });
        parsed.ok_or_else(|| {
            FieldErrors::one(
                field,
                format!(
                    "\u{201c}{text}\u{201d} is not a node of the map (activity:ID or resource:ID)."
                ),
            )
        })
    }

    pub fn key(self) -> String {
        match self {
            NodeRef::Activity(id) => format!("activity:{id}"),
            NodeRef::Resource(id) => format!("resource:{id}"),
        }
    }

    /// The node a stored (table, id) pair names; the inverse of [`Self::parts`].
    pub fn from_parts(table: &str, id: i64) -> Self {
        if table == "activity" {
            NodeRef::Activity(id)
        } else {
            NodeRef::Resource(id)
        }
    }

    /// The node's table and id, as `map_position` stores them.
    pub fn parts(self) -> (&'static str, i64) {
        match self {
            NodeRef::Activity(id) => ("activity", id),
            NodeRef::Resource(id) => ("resource", id),
        }
    }
}

/// A need Keel accepts between two nodes: an activity needs a resource or another
/// activity, and a resource needs another resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    ActivityResource { activity: i64, resource: i64 },
    ActivityActivity { activity: i64, other: i64 },
    ResourceResource { resource: i64, other: i64 },
}

impl Need {
    /// `from` needs `to`, or the refusal that says why it cannot.
    pub fn between(from: NodeRef, to: NodeRef) -> Result<Self, FieldErrors> {
        if from == to {
            return Err(FieldErrors::one(
                "dependency",
                "Nothing can depend on itself.",
            ));
        }
        match (from, to) {
            (NodeRef::Activity(activity), NodeRef::Resource(resource)) => {
                Ok(Need::ActivityResource { activity, resource })
            }
            (NodeRef::Activity(activity), NodeRef::Activity(other)) => {
                Ok(Need::ActivityActivity { activity, other })
            }
            (NodeRef::Resource(resource), NodeRef::Resource(other)) => {
                Ok(Need::ResourceResource { resource, other })
            }
            (NodeRef::Resource(_), NodeRef::Activity(_)) => Err(FieldErrors::one(
                "dependency",
                "A resource cannot need an activity; turn it round: the activity needs the resource.",
            )),
        }
    }
}

/// How a node fares in the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NodeStatus {
    Ok,
    /// A finding names it: too slow, a slow chain, or an upstream activity too slow.
    Gap,
    /// Something requires it to recover, and its RTC or RPC is not recorded.
    Unknown,
}

/// A node's new place on the map.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MapPosition {
    pub x: f64,
    pub y: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_refs_read_back_what_they_write() {
        for node in [NodeRef::Activity(12), NodeRef::Resource(3)] {
            assert_eq!(NodeRef::parse("node", &node.key()).unwrap(), node);
            let (table, id) = node.parts();
            assert_eq!(NodeRef::from_parts(table, id), node);
        }
        for bad in [
            "",
            "activity",
            "activity:",
            "site:3",
            "resource:x",
            "resource:1:2",
        ] {
            assert!(NodeRef::parse("node", bad).is_err(), "{bad}");
        }
    }
}
