import { render } from 'preact';
import '../shared/style.css';

render(<main>Desk</main>, document.getElementById('app')!);
