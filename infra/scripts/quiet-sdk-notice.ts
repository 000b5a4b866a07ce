// Imported first by scripts whose imports create AWS SDK clients: the SDK's Node 20 upgrade notice is
// noise here (Lambda runs Node 22). ES modules evaluate in import order, so this runs before them.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
export {};
