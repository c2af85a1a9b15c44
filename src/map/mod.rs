//! The dependency map as pure values (floor 2, beside `analysis` and `plan`): the
//! layered layout, each node's status from the analysis, and the map the app draws,
//! built from the graph, the analysis and the places people dragged nodes to.

pub mod layout;
pub mod status;
mod view;

pub use view::{DependencyMap, MapEdge, MapFinding, MapNode, dependency_map};
