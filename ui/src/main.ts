import { mount } from 'svelte';
import './app.css';
import { api } from '$lib/api';
import App from './App.svelte';
import PresentationApp from './PresentationApp.svelte';
import IncidentRoomApp from './IncidentRoomApp.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('the #app element is missing from index.html');

// The same page serves the main window and the read-only presentation and incident-room
// windows.
const role = api.windowRole();
export default mount(role === 'presentation' ? PresentationApp : role === 'incident-room' ? IncidentRoomApp : App, {
  target,
});
