import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Older pages and pictures the stories read, as a feed's server would serve them.
  staticDirs: [{ from: '../stories/pages', to: '/story-pages' }],
  // Storybook merges vite.config.ts; its library build settings are for `npm run build` only.
  viteFinal: (config) => ({ ...config, build: { ...config.build, lib: false } }),
};

export default config;
