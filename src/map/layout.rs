//! The layered layout of the dependency map: each node sits in a column (activities on
//! the left, then what they need, layer by layer), ordered within its column so that
//! lines cross as little as a few barycentre sweeps manage. Computed in the core so the
//! app and the PDF draw the same picture.

use crate::domain::ResourceKind;

pub const NODE_WIDTH: f64 = 200.0;
pub const NODE_HEIGHT: f64 = 44.0;
const COLUMN_GAP: f64 = 110.0;
const ROW_GAP: f64 = 16.0;
pub const MARGIN: f64 = 24.0;
const SWEEPS: usize = 6;

/// The top-left corner of a node's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// The column of a node by its kind: activities (none), then people and IT services,
/// applications and data, infrastructure and equipment, sites and suppliers.
pub fn column(kind: Option<ResourceKind>) -> usize {
    match kind {
        None => 0,
        Some(ResourceKind::People | ResourceKind::ItService) => 1,
        Some(ResourceKind::Application | ResourceKind::Data) => 2,
        Some(ResourceKind::Infrastructure | ResourceKind::Equipment) => 3,
        Some(ResourceKind::Site | ResourceKind::Supplier) => 4,
    }
}

/// Places node `i` in column `layers[i]` (empty columns are closed up), ordered within
/// its column to limit crossings of `edges` (pairs of node indices). Nodes keep their
/// input order where nothing pulls them elsewhere, so the same input always gives the
/// same picture.
pub fn layered(layers: &[usize], edges: &[(usize, usize)]) -> Vec<Point> {
    let n = layers.len();
    let mut used: Vec<usize> = layers.to_vec();
    used.sort_unstable();
    used.dedup();
    let column_of: Vec<usize> = layers
        .iter()
        .map(|l| used.binary_search(l).unwrap_or(0))
        .collect();
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); used.len()];
    for (node, &c) in column_of.iter().enumerate() {
        columns[c].push(node);
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    }
    let mut rank = vec![0.0; n];
    let set_ranks = |columns: &Vec<Vec<usize>>, rank: &mut Vec<f64>| {
        for column in columns {
            for (i, &node) in column.iter().enumerate() {
                rank[node] = i as f64;
            }
        }
    };
    set_ranks(&columns, &mut rank);
    for sweep in 0..SWEEPS {
        let forward = sweep % 2 == 0;
        let order: Vec<usize> = if forward {
            (1..columns.len()).collect()
        } else {
            (0..columns.len().saturating_sub(1)).rev().collect()
        };
        for c in order {
            // The mean rank of the neighbours in the column just swept; a node with
            // none keeps its place.
            let keys: Vec<(f64, usize)> = columns[c]
                .iter()
                .map(|&node| {
                    let near: Vec<f64> = neighbours[node]
                        .iter()
                        .filter(|&&m| {
                            if forward {
                                column_of[m] < c
                            } else {
                                column_of[m] > c
                            }
                        })
                        .map(|&m| rank[m])
                        .collect();
                    let key = if near.is_empty() {
                        rank[node]
                    } else {
                        near.iter().sum::<f64>() / near.len() as f64
                    };
                    (key, node)
                })
                .collect();
            let mut sorted = keys;
            sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(rank[a.1].total_cmp(&rank[b.1])));
            columns[c] = sorted.into_iter().map(|(_, node)| node).collect();
            for (i, &node) in columns[c].iter().enumerate() {
                rank[node] = i as f64;
            }
        }
    }
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let mut points = vec![Point { x: 0.0, y: 0.0 }; n];
    for (c, column) in columns.iter().enumerate() {
        // Shorter columns are centred against the tallest.
        let offset = (tallest - column.len() as f64) * (NODE_HEIGHT + ROW_GAP) / 2.0;
        for (i, &node) in column.iter().enumerate() {
            points[node] = Point {
                x: MARGIN + c as f64 * (NODE_WIDTH + COLUMN_GAP),
                y: MARGIN + offset + i as f64 * (NODE_HEIGHT + ROW_GAP),
            };
        }
    }
    points
}

/// Moves needed nodes right of what needs them, so that lines run left to right: a
/// node in a column above 0 goes at least one column beyond everything that needs it
/// (column 0, the activities, stays put). Nodes on a cycle keep their column.
pub fn push_right(layers: &[usize], edges: &[(usize, usize)]) -> Vec<usize> {
    let n = layers.len();
    let mut out = layers.to_vec();
    let mut waiting = vec![0usize; n];
    let mut needs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            needs[a].push(b);
            waiting[b] += 1;
        }
    }
    let mut ready: std::collections::VecDeque<usize> =
        (0..n).filter(|i| waiting[*i] == 0).collect();
    while let Some(a) = ready.pop_front() {
        for &b in &needs[a] {
            if layers[b] > 0 {
                out[b] = out[b].max(out[a] + 1);
            }
            waiting[b] -= 1;
            if waiting[b] == 0 {
                ready.push_back(b);
            }
        }
    }
    out
}

/// The width and height that hold every node at `points`, margins included.
pub fn extent(points: &[Point]) -> (f64, f64) {
    let right = points.iter().map(|p| p.x).fold(MARGIN, f64::max);
    let bottom = points.iter().map(|p| p.y).fold(MARGIN, f64::max);
    (right + NODE_WIDTH + MARGIN, bottom + NODE_HEIGHT + MARGIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crossings(points: &[Point], edges: &[(usize, usize)]) -> usize {
        let mut count = 0;
        for (i, &(a, b)) in edges.iter().enumerate() {
            for &(c, d) in &edges[i + 1..] {
                let (ya, yb, yc, yd) = (points[a].y, points[b].y, points[c].y, points[d].y);
                if (ya - yc) * (yb - yd) < 0.0 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn columns_follow_layers_and_empty_layers_close_up() {
        let points = layered(&[0, 4, 4, 1], &[]);
        assert_eq!(points[0].x, MARGIN);
        assert_eq!(points[3].x, MARGIN + NODE_WIDTH + COLUMN_GAP);
        assert_eq!(points[1].x, MARGIN + 2.0 * (NODE_WIDTH + COLUMN_GAP));
        assert_eq!(points[1].x, points[2].x);
    }

    #[test]
    fn nodes_of_a_column_never_overlap() {
        let points = layered(&[1, 1, 1, 1, 0], &[(4, 2), (4, 0)]);
        let mut ys: Vec<f64> = points[..4].iter().map(|p| p.y).collect();
        ys.sort_by(f64::total_cmp);
        for pair in ys.windows(2) {
            assert!(pair[1] - pair[0] >= NODE_HEIGHT, "{ys:?}");
        }
    }

    #[test]
    fn barycentre_sweeps_untangle_a_crossing() {
        // Activity 0 needs resource 3, activity 1 needs resource 2: in input order the
        // lines cross; after layout they do not.
        let layers = [0, 0, 1, 1];
        let edges = [(0, 3), (1, 2)];
        let points = layered(&layers, &edges);
        assert_eq!(crossings(&points, &edges), 0);
        assert!(points[3].y < points[2].y);
    }

    #[test]
    fn the_same_input_gives_the_same_picture() {
        let layers = [0, 0, 0, 1, 1, 2, 2, 3];
        let edges = [(0, 4), (1, 3), (2, 3), (3, 6), (4, 5), (5, 7), (6, 7)];
        assert_eq!(layered(&layers, &edges), layered(&layers, &edges));
        let (w, h) = extent(&layered(&layers, &edges));
        assert!(w > 3.0 * (NODE_WIDTH + COLUMN_GAP) && h > 3.0 * NODE_HEIGHT);
    }

    #[test]
    fn needed_nodes_move_right_of_what_needs_them() {
        // An activity (0) needs a supplier (4) that needs infrastructure (3), which
        // needs a site (4); a cycle between 5 and 6 stays as it was.
        let layers = [0, 4, 3, 4, 1, 2, 0];
        let edges = [(0, 1), (1, 2), (2, 3), (4, 5), (5, 4), (6, 0)];
        assert_eq!(push_right(&layers, &edges), [0, 4, 5, 6, 1, 2, 0]);
    }

    #[test]
    fn nothing_to_place_is_fine() {
        assert!(layered(&[], &[(0, 1)]).is_empty());
        assert_eq!(
            extent(&[]),
            (NODE_WIDTH + 2.0 * MARGIN, NODE_HEIGHT + 2.0 * MARGIN)
        );
    }
}
