import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveApi } from './api';
import { App } from './app';
import './styles.css';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App resolution={resolveApi()} />
    </StrictMode>,
  );
}
