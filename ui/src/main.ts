import { mount } from 'svelte';
import './app.css';
import { api } from '$lib/api';
import App from './App.svelte';
import PresentationApp from './PresentationApp.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('the #app element is missing from index.html');

// The same page serves the main window and the read-only presentation window.
export default mount(api.windowRole() === 'presentation' ? PresentationApp : App, { target });
