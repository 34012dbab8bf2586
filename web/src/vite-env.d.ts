// Vite's ambient types: importing styles.css, import.meta.env.
/// <reference types="vite/client" />
