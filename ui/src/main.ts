import { mount } from 'svelte';
import './app.css';
import { api } from '$lib/api';
import App from './App.svelte';
import PresentationApp from './PresentationApp.svelte';
import IncidentRoomApp from './IncidentRoomApp.svelte';
import { toasts } from '$lib/toasts.svelte';
import { installZoom } from '$lib/zoom';

const target = document.getElementById('app');
if (!target) throw new Error('the #app element is missing from index.html');

// The same page serves the main window and the read-only presentation and incident-room
// windows.
const role = api.windowRole();
installZoom(role, (zoom) => {
  if (role === 'main') toasts.show(`Zoom ${Math.round(zoom * 100)}% · Ctrl+0 goes back to 100%`, 'info', 'zoom');
});
export default mount(role === 'presentation' ? PresentationApp : role === 'incident-room' ? IncidentRoomApp : App, {
  target,
});
