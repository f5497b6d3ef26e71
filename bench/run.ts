// npm run bench: every bench of the project. The engine's lives in bench/engine.ts.
import { runEngineBench } from "./engine";

await runEngineBench();
