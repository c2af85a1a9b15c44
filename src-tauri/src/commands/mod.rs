//! Tauri commands, one file per area. Each one calls the core and returns its result or
//! an `ApiError` (`{ code, message, fields }`).

mod activities;
mod bia;
mod dependencies;
mod engagement;
mod exercises;
mod export;
mod files;
mod import;
mod incidents;
mod map;
mod people;
mod plans;
mod presentation;
mod review;
mod units;
mod workspace;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        workspace::workspace_state,
        workspace::open_engagement,
        workspace::open_sample,
        workspace::open_chosen_engagement,
        workspace::create_engagement,
        workspace::propose_engagement_path,
        workspace::forget_recent,
        workspace::set_facilitator_name,
        engagement::update_details,
        engagement::engagement_info,
        engagement::engagement_progress,
        engagement::audit_log,
        engagement::close_editing_runs,
        units::list_units,
        units::add_unit,
        units::update_unit,
        units::delete_unit,
        activities::list_activities,
        activities::add_activity,
        activities::update_activity,
        activities::delete_activity,
        bia::bia_settings,
        bia::edit_bia_settings,
        bia::interview,
        bia::edit_interview,
        bia::unresolved_count,
        bia::bia_results,
        bia::bia_completeness,
        bia::list_resources,
        dependencies::dependency_analysis,
        dependencies::resource_capability,
        dependencies::capability_standing,
        dependencies::set_resource_capability,
        map::dependency_map,
        map::set_map_position,
        map::reset_map_layout,
        map::add_need,
        map::remove_need,
        import::import_csv,
        files::choose_file,
        files::open_link,
        people::list_people,
        people::add_person,
        people::update_person,
        people::delete_person,
        people::list_teams,
        people::add_team,
        people::update_team,
        people::delete_team,
        plans::list_plans,
        plans::create_plan,
        plans::plan_view,
        plans::edit_plan,
        plans::submit_plan,
        plans::withdraw_plan,
        plans::approve_plan,
        plans::frozen_plan_version,
        plans::propose_plan_steps,
        export::list_identities,
        export::create_identity,
        export::import_identity,
        export::export_plan,
        export::open_exported_pdf,
        presentation::present_interview,
        presentation::share_presenter_focus,
        presentation::presenter_focus,
        presentation::presented_interview,
        presentation::present_map,
        presentation::presented,
        presentation::set_presentation_fullscreen,
        presentation::share_timer,
        presentation::saved_timer,
        presentation::save_timer,
        incidents::list_incidents,
        incidents::incident_board,
        incidents::open_incident,
        incidents::record_incident,
        incidents::verify_incident,
        incidents::show_in_incident_room,
        incidents::incident_room_board,
        incidents::set_incident_room_fullscreen,
        incidents::export_incident_report,
        exercises::list_exercises,
        exercises::exercise_view,
        exercises::new_exercise,
        exercises::set_exercise_injects,
        exercises::start_exercise,
        exercises::record_exercise,
        exercises::exercise_debrief,
        exercises::add_finding,
        exercises::list_findings,
        review::list_actions,
        review::add_action,
        review::update_action,
        review::review_items,
        review::review_settings,
        review::set_review_settings,
        exercises::export_exercise_report,
    ]
}
