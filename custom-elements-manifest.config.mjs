// `cem analyze` reads the elements' JSDoc (@tag @summary @fires @slot @csspart @cssprop) into custom-elements.json.
export default {
  globs: ['src/elements/*/live-ticker*.ts', 'src/elements/live-ticker/events.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json's "customElements" is set by hand; the freshness test analyzes into a temporary folder.
  packagejson: false,
  plugins: [
    {
      name: 'live-ticker-named-events-only',
      // The analyzer also lists each `dispatchEvent(new SomeEvent())` call as a nameless event; the
      // @fires tags already name and describe them.
      packageLinkPhase({ customElementsManifest }) {
        // The same manifest on every machine: file globbing order is the file system's.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
