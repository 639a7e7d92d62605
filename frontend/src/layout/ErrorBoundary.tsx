import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Result } from 'antd';
import i18n from '../i18n';

interface State {
  error: Error | null;
}

/** Keeps one broken page from blanking the whole shell. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return <Result status="error" title={i18n.t('errors.crashed')} subTitle={this.state.error.message} />;
    }
    return this.props.children;
  }
}
