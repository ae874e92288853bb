import { monitor } from './monitor.js';
import { VERSION } from './version.js';

export { monitor, VERSION };
export const IceWatch = { monitor, version: VERSION };
export default IceWatch;
