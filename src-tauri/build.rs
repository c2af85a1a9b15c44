//! Declares the app's commands so that each one needs a permission in a capability.

const COMMANDS: &[&str] = &[
    "workspace_state",
    "open_engagement",
    "create_engagement",
    "propose_engagement_path",
    "forget_recent",
    "set_facilitator_name",
    "update_details",
    "engagement_info",
    "list_units",
    "add_unit",
    "update_unit",
    "delete_unit",
    "list_activities",
    "add_activity",
    "update_activity",
    "delete_activity",
    "audit_log",
    "bia_settings",
    "edit_bia_settings",
    "interview",
    "edit_interview",
    "bia_results",
    "bia_completeness",
    "list_resources",
    "dependency_analysis",
    "resource_capability",
    "set_resource_capability",
    "dependency_map",
    "set_map_position",
    "reset_map_layout",
    "add_need",
    "remove_need",
    "import_csv",
    "present_interview",
    "presented_interview",
    "set_presentation_fullscreen",
    "share_timer",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
